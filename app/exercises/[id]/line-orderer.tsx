"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { orderFromText } from "@/app/exercises/[id]/order-from-text";

export interface LineOrdererProps {
  /** The bank's lines in the order the page first shows them (already shuffled by the server). */
  lines: string[];
  /** The current prediction text: its order is kept when it holds exactly the bank's lines. */
  value: string;
  onChange(next: string): void;
}

/**
 * The predicted lines in a sortable list: drag by the handle (mouse, touch, pen) or, from the
 * keyboard, Space to pick up, arrows to move, Space to drop (dnd-kit's keyboard sensor). Every move
 * is announced in dnd-kit's live region, in the page's language. Loaded after the first paint.
 */
export function LineOrderer({ lines, value, onChange }: LineOrdererProps) {
  const t = useTranslations("exercisePage.prediction");
  const [order, setOrder] = useState<number[]>(() => orderFromText(lines, value));
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = order.map((index) => idOf(index));
  const count = order.length;
  const describe = (id: UniqueIdentifier) => {
    const index = indexOf(id);
    return { text: `“${lines[index] ?? ""}”`, from: order.indexOf(index) + 1, count };
  };
  // At pick-up the line is over itself: saying so would drown out "picked up".
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return t("announceStart", describe(active.id));
    },
    onDragOver: ({ active, over }) => {
      if (!over || (over.id === active.id && !moved.current)) return undefined;
      moved.current = true;
      return t("announceOver", { ...describe(active.id), to: ids.indexOf(String(over.id)) + 1 });
    },
    onDragEnd: ({ active, over }) =>
      over ? t("announceEnd", { ...describe(active.id), to: ids.indexOf(String(over.id)) + 1 }) : undefined,
    onDragCancel: ({ active }) => t("announceCancel", describe(active.id)),
  };
  const text = order.map((index) => lines[index]).join("\n");
  // What is shown is what Submit sends, from the first paint on (a typed text that does not fit the
  // bank is replaced by the bank's order).
  useEffect(() => {
    if (text !== value) onChange(text);
  }, []);
  // A prediction set from outside (a saved draft arriving late) that fits the bank is shown.
  useEffect(() => {
    const outside = orderFromText(lines, value);
    if (value !== text && outside.map((index) => lines[index]).join("\n") === value) setOrder(outside);
  }, [value]);

  function drop({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(indexOf(active.id)), order.indexOf(indexOf(over.id)));
    setOrder(next);
    onChange(next.map((index) => lines[index]).join("\n"));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={drop}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("instructions") } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label={t("orderListLabel")} data-testid="line-orderer" className="flex flex-col gap-2">
          {order.map((index, position) => (
            <SortableLine key={idOf(index)} id={idOf(index)} text={lines[index]} position={position + 1} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableLine({ id, text, position }: { id: string; text: string; position: number }) {
  const t = useTranslations("exercisePage.prediction");
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
    isSorting,
    newIndex,
  } = useSortable({
    id,
    attributes: { roleDescription: t("roleDescription") },
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="order-line"
      className={`flex min-w-0 items-center gap-3 rounded-xl border-2 bg-white px-3 py-2 ${
        isDragging ? "relative z-10 border-brand-600 shadow-lg" : "border-slate-300"
      }`}
    >
      <span className="w-7 shrink-0 text-right text-lg font-semibold tabular-nums text-slate-600" aria-hidden="true">
        {/* While a line moves, each shows the place it is about to take. */}
        {isSorting ? newIndex + 1 : position}
      </span>
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t("handleLabel", { position, text })}
        data-testid="order-handle"
        className="flex h-11 w-11 shrink-0 cursor-grab touch-none items-center justify-center rounded-lg border-2 border-slate-300 text-2xl text-slate-700 hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-brand-600 active:cursor-grabbing"
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="min-w-0 break-words font-mono text-lg text-slate-950">{text}</span>
    </li>
  );
}

const idOf = (index: number) => `line-${index}`;
const indexOf = (id: UniqueIdentifier) => Number(String(id).slice("line-".length));
