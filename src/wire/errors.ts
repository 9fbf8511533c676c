/**
 * Typed errors for every decoder in osken. Decoders never let a RangeError or
 * TypeError escape: hostile input becomes one of these classes.
 */

/** Base of all osken codec errors. */
export class OskenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Where in the input a problem was found. */
export interface WireLocation {
  /** structure being decoded, e.g. 'ofp_flow_mod' or 'ipv4' */
  where: string;
  /** byte offset from the start of the decoded buffer */
  offset: number;
}

/** Input ended before a structure was complete (os-ken's OFPTruncatedMessage). */
export class OFPTruncatedMessage extends OskenError {
  /** the partially decoded message, when the message header had been read */
  ofpmsg: unknown;
  /** every structure decoded from the bytes present; only the header's length claims more */
  bodyComplete = false;
  constructor(
    readonly where: string,
    readonly need: number,
    readonly have: number,
    readonly offset: number,
    ofpmsg: unknown = undefined,
  ) {
    super(`truncated ${where}: need ${need} bytes at offset ${offset}, have ${have}`);
    this.ofpmsg = ofpmsg;
  }
}

/** Input is long enough but inconsistent: a length field lies, a TLV is zero-length, a value is out of range. */
export class OFPMalformedMessage extends OskenError {
  constructor(
    readonly where: string,
    readonly offset: number,
    readonly detail: string,
  ) {
    super(`malformed ${where} at offset ${offset}: ${detail}`);
  }
}

/** OpenFlow version byte that osken does not implement. */
export class OFPUnknownVersion extends OskenError {
  constructor(readonly version: number) {
    super(`unknown OpenFlow version 0x${version.toString(16).padStart(2, '0')}`);
  }
}

/** A message type (or structure type) has no decoder or encoder for this version. */
export class OFPUnsupportedType extends OskenError {
  constructor(
    readonly version: number,
    readonly what: string,
    readonly type: number | string,
  ) {
    super(`OpenFlow 0x${version.toString(16).padStart(2, '0')}: no codec for ${what} ${String(type)}`);
  }
}

/** A value cannot be encoded: out of range for its wire field, or of the wrong type. */
export class OFPEncodeError extends OskenError {
  constructor(
    readonly where: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`cannot encode ${where}.${field}: ${detail}`);
  }
}

/** JSON given to fromJsonDict does not describe a valid object. */
export class JsonDictError extends OskenError {}

/** Packet library: a header is shorter than it must be. */
export class PacketTruncated extends OskenError {
  constructor(
    readonly layer: string,
    readonly requiredLen: number,
    readonly len: number,
    readonly layerStartOffset: number,
  ) {
    super(`truncated ${layer}: need ${requiredLen} bytes, have ${len} (layer at offset ${layerStartOffset})`);
  }
}

/** Packet library: a header is inconsistent (bad length, bad option). */
export class PacketMalformed extends OskenError {
  constructor(
    readonly layer: string,
    readonly detail: string,
    readonly layerStartOffset: number,
  ) {
    super(`malformed ${layer} at offset ${layerStartOffset}: ${detail}`);
  }
}
