/**
 * os-ken's ofproto_protocol: the constants and parser modules of each OpenFlow version, and
 * ProtocolDesc(version), the object messages use to find them when there is no switch
 * (`new OFPFlowMod({ datapath: new ProtocolDesc(4), ... })`).
 */
import * as ofp10 from './ofproto_v1_0.js';
import * as ofp12 from './ofproto_v1_2.js';
import * as ofp13 from './ofproto_v1_3.js';
import * as ofp14 from './ofproto_v1_4.js';
import * as ofp15 from './ofproto_v1_5.js';
import * as p10 from './ofproto_v1_0_parser.js';
import * as p12 from './ofproto_v1_2_parser.js';
import * as p13 from './ofproto_v1_3_parser.js';
import * as p14 from './ofproto_v1_4_parser.js';
import * as p15 from './ofproto_v1_5_parser.js';
import './all.js';
import { lookupClass } from './struct.js';
import { OFPUnknownVersion } from '../wire/errors.js';

export type OfprotoModule = Omit<typeof ofp13, 'OFP_VERSION'> & { OFP_VERSION: number };
export type ParserModule = Record<string, unknown>;

/** wire version -> [ofproto, ofproto_parser] */
export const OFPROTO: ReadonlyMap<number, { ofproto: OfprotoModule; parser: ParserModule }> = new Map([
  [1, { ofproto: ofp10 as unknown as OfprotoModule, parser: p10 as ParserModule }],
  [3, { ofproto: ofp12 as unknown as OfprotoModule, parser: p12 as ParserModule }],
  [4, { ofproto: ofp13 as unknown as OfprotoModule, parser: p13 as ParserModule }],
  [5, { ofproto: ofp14 as unknown as OfprotoModule, parser: p14 as ParserModule }],
  [6, { ofproto: ofp15 as unknown as OfprotoModule, parser: p15 as ParserModule }],
]);

export const ALL_OFP_VERSIONS = [1, 3, 4, 5, 6];

/** A message/structure class of a version by os-ken name (facade export first, then the registry). */
export function parserClass<T = unknown>(version: number, name: string): T | undefined {
  const m = OFPROTO.get(version)?.parser[name];
  return (m ?? lookupClass(version, name)) as T | undefined;
}

export class ProtocolDesc {
  ofproto!: OfprotoModule;
  ofproto_parser!: ParserModule;

  /** @param version wire version (1, 3, 4, 5, 6); default: the newest */
  constructor(version?: number | null) {
    this.setVersion(version ?? Math.max(...ALL_OFP_VERSIONS));
  }

  setVersion(version: number): void {
    const m = OFPROTO.get(version);
    if (!m) throw new OFPUnknownVersion(version);
    this.ofproto = m.ofproto;
    this.ofproto_parser = m.parser;
  }

  get supportedOfpVersion(): number[] {
    return [...ALL_OFP_VERSIONS];
  }
}
