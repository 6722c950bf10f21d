/**
 * The table of mistakes the checker tries, in the order they are reported when they explain
 * equally many cells: whole-problem mistakes first (one cause for many cells), then solved
 * misreadings, then per-cell term changes, with `arithmetic-slip` last.
 */
import { arithmeticSlip } from "./arithmetic-slip.ts";
import { biasIgnored } from "./bias-ignored.ts";
import { convInsteadOfTransposed } from "./conv-instead-of-transposed.ts";
import { extraTerm } from "./extra-term.ts";
import { flippedKernel } from "./flipped-kernel.ts";
import { inputTransposed } from "./input-transposed.ts";
import { kernelTransposed } from "./kernel-transposed.ts";
import { misreadValue } from "./misread-value.ts";
import { missingTerm } from "./missing-term.ts";
import { outputPaddingIgnored } from "./output-padding-ignored.ts";
import { overlapNotSummed } from "./overlap-not-summed.ts";
import { paddingNotCropped } from "./padding-not-cropped.ts";
import { signError } from "./sign-error.ts";
import { strideZerosWrong } from "./stride-zeros-wrong.ts";
import type { CellMistake, FitMistake, ProblemMistake } from "./types.ts";

export * from "./types.ts";

export const problemMistakes: readonly ProblemMistake[] = [
  flippedKernel,
  overlapNotSummed,
  paddingNotCropped,
  outputPaddingIgnored,
  strideZerosWrong,
  inputTransposed,
  kernelTransposed,
  convInsteadOfTransposed,
  biasIgnored,
];

export const fitMistakes: readonly FitMistake[] = [misreadValue];

/** Term-level changes; `arithmetic-slip` must stay last (it is the fallback). */
export const cellMistakes: readonly CellMistake[] = [missingTerm, extraTerm, signError, arithmeticSlip];
