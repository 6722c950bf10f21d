/** SVG diagrams of the geometry layer, and the palette every renderer shares. */
export { scatterDiagram, contributorsAt, type ScatterDiagramOptions, type DiagramCommonOptions } from "./scatter.ts";
export { directConvDiagram, busiestCell, type DirectConvDiagramOptions, type DirectCellKind } from "./direct-conv.ts";
export { overlapHeatmap, type OverlapHeatmapOptions } from "./overlap-heatmap.ts";
export {
  INPUT_PALETTE, NEUTRAL_INPUT, HATCHES, NEUTRAL, inputColouring, paletteEntry, inputCellColour, texColour, inputCellFill, inputCellHatch, inputCellEntry, rampColour, rampInk,
  type PaletteEntry, type Hatch, type InputColouring,
} from "./palette.ts";
export { escapeXml, svgTextContent, plainText } from "./xml.ts";
