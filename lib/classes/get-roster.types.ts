import type { z } from "zod";
import { classRefInput } from "./class-inputs.types";

export const getRosterInput = classRefInput;
export type GetRosterInput = z.input<typeof getRosterInput>;
