import type { z } from "zod";
import { classRefInput } from "./class-inputs.types";

export const getClassInput = classRefInput;
export type GetClassInput = z.input<typeof getClassInput>;
