/**
 * Builds, in memory, the bytes of an ONNX model holding one ConvTranspose node
 * (inputs X [N, C_in, *in] and W [C_in, C_out/g, *k], output Y), so the benchmark can run
 * onnxruntime-node without model files. Only the few protobuf fields ONNX needs are encoded.
 */

type Bytes = number[];

function varint(out: Bytes, value: number): void {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n; // int64 fields are two's complement on the wire
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
}

const key = (out: Bytes, field: number, wire: number) => varint(out, (field << 3) | wire);
const intField = (out: Bytes, field: number, value: number) => { key(out, field, 0); varint(out, value); };
function bytesField(out: Bytes, field: number, payload: Bytes | string): void {
  const data = typeof payload === "string" ? Array.from(new TextEncoder().encode(payload)) : payload;
  key(out, field, 2);
  varint(out, data.length);
  for (const b of data) out.push(b);
}

function intsAttribute(name: string, values: readonly number[]): Bytes {
  const a: Bytes = [];
  bytesField(a, 1, name);
  intField(a, 20, 7); // AttributeType INTS
  for (const v of values) intField(a, 8, v);
  return a;
}

function intAttribute(name: string, value: number): Bytes {
  const a: Bytes = [];
  bytesField(a, 1, name);
  intField(a, 20, 2); // AttributeType INT
  intField(a, 3, value);
  return a;
}

/** A float tensor's ValueInfoProto. */
function valueInfo(name: string, shape: readonly number[]): Bytes {
  const dims: Bytes = [];
  for (const d of shape) { const dim: Bytes = []; intField(dim, 1, d); bytesField(dims, 1, dim); }
  const tensorType: Bytes = [];
  intField(tensorType, 1, 1); // elem_type FLOAT
  bytesField(tensorType, 2, dims);
  const type: Bytes = [];
  bytesField(type, 1, tensorType);
  const vi: Bytes = [];
  bytesField(vi, 1, name);
  bytesField(vi, 2, type);
  return vi;
}

export interface ConvTransposeModel {
  readonly inputShape: readonly number[];
  readonly weightShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padBegin: readonly number[];
  readonly padEnd: readonly number[];
  readonly outputPadding: readonly number[];
  readonly groups: number;
}

/**
 * The serialized ModelProto (opset 17).
 *
 * @example
 * const bytes = convTransposeModel({ inputShape: [1, 1, 2, 2], weightShape: [1, 1, 2, 2], outputShape: [1, 1, 3, 3],
 *   kernel: [2, 2], strides: [1, 1], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0], outputPadding: [0, 0], groups: 1 });
 * await ort.InferenceSession.create(bytes);
 */
export function convTransposeModel(m: ConvTransposeModel): Uint8Array {
  const node: Bytes = [];
  bytesField(node, 1, "X");
  bytesField(node, 1, "W");
  bytesField(node, 2, "Y");
  bytesField(node, 4, "ConvTranspose");
  bytesField(node, 5, intsAttribute("kernel_shape", m.kernel));
  bytesField(node, 5, intsAttribute("strides", m.strides));
  bytesField(node, 5, intsAttribute("dilations", m.dilations));
  bytesField(node, 5, intsAttribute("pads", [...m.padBegin, ...m.padEnd]));
  bytesField(node, 5, intsAttribute("output_padding", m.outputPadding));
  bytesField(node, 5, intAttribute("group", m.groups));
  const graph: Bytes = [];
  bytesField(graph, 1, node);
  bytesField(graph, 2, "conv_transpose");
  bytesField(graph, 11, valueInfo("X", m.inputShape));
  bytesField(graph, 11, valueInfo("W", m.weightShape));
  bytesField(graph, 12, valueInfo("Y", m.outputShape));
  const opset: Bytes = [];
  bytesField(opset, 1, "");
  intField(opset, 2, 17);
  const model: Bytes = [];
  intField(model, 1, 8); // ir_version
  bytesField(model, 7, graph);
  bytesField(model, 8, opset);
  return Uint8Array.from(model);
}
