import type { z } from "zod";
import { classRefInput } from "./class-inputs.types";

export const rotateJoinCodeInput = classRefInput;
export type RotateJoinCodeInput = z.input<typeof rotateJoinCodeInput>;
