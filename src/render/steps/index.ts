/**
 * The step views, keyed by kind with an exhaustive switch: each turns a step into the TeX and
 * numbers its template prints. Views build maths strings; templates hold the words.
 */
import type { Step } from "../../explain/types.ts";
import type { MathKit } from "../math.ts";
import { cellsView } from "./cells.ts";
import { checkView } from "./check.ts";
import { codeView } from "./code.ts";
import { directView } from "./direct.ts";
import { gradientView } from "./gradient.ts";
import { matrixView } from "./matrix.ts";
import { overlapView } from "./overlap.ts";
import { phasesView } from "./phases.ts";
import { problemView } from "./problem.ts";
import { roundtripView } from "./roundtrip.ts";
import { scatterView } from "./scatter.ts";
import { sizeView } from "./size.ts";

/**
 * The view of any step.
 *
 * @example stepView(sizeStep, kit).lines[0].result // 3 for the seed problem
 */
export function stepView(step: Step, kit: MathKit): object {
  switch (step.kind) {
    case "problem": return problemView(step, kit);
    case "size": return sizeView(step, kit);
    case "scatter": return scatterView(step, kit);
    case "cells": return cellsView(step, kit);
    case "matrix": return matrixView(step, kit);
    case "gradient": return gradientView(step, kit);
    case "direct": return directView(step, kit);
    case "roundtrip": return roundtripView(step, kit);
    case "overlap": return overlapView(step, kit);
    case "phases": return phasesView(step, kit);
    case "check": return checkView(step, kit);
    case "code": return codeView(step, kit);
    default: {
      const never: never = step;
      throw new Error(`stepView: unknown step ${JSON.stringify(never)}`);
    }
  }
}
