// Name lookups over the constants of a version module: os-ken attaches these
// four helpers (ofproto_utils.generate) to every ofproto_v1_X module, and each
// of our version modules builds them from its own namespace.

export interface OfpErrorJson {
  type: string;
  code: string;
}

export interface OfprotoUtils {
  /** e.g. 14 -> 'OFPT_FLOW_MOD(14)' */
  ofp_msg_type_to_str(type: number): string;
  /** e.g. 4 -> 'OFPET_BAD_MATCH(4)' */
  ofp_error_type_to_str(type: number): string;
  /** e.g. (4, 9) -> 'OFPBMC_BAD_PREREQ(9)' */
  ofp_error_code_to_str(type: number, code: number): string;
  /** e.g. (4, 9) -> { type: 'OFPET_BAD_MATCH(4)', code: 'OFPBMC_BAD_PREREQ(9)' } */
  ofp_error_to_jsondict(type: number, code: number): OfpErrorJson;
}

function valueName(ns: object, value: number, prefix: string): string {
  for (const [k, v] of Object.entries(ns) as [string, unknown][]) {
    if (k.startsWith(prefix) && v === value) return k;
  }
  return 'Unknown';
}

// The code enum of an error type is named after the initials of the type's
// words: OFPET_BAD_MATCH -> OFPBMC_*, OFPET_HELLO_FAILED -> OFPHFC_*.
function errorNames(ns: object, type: number, code: number): [string, string] {
  const typeName = valueName(ns, type, 'OFPET_');
  if (typeName === 'Unknown') return ['Unknown', 'Unknown'];
  let prefix: string;
  if (typeName === 'OFPET_FLOW_MONITOR_FAILED') {
    prefix = 'OFPMOFC_';
  } else {
    const initials = Array.from(typeName.matchAll(/_(.)/g), (m) => m[1].toUpperCase());
    prefix = `OFP${initials.join('')}C_`;
  }
  return [typeName, valueName(ns, code, prefix)];
}

/** Builds the helpers over `ns`, the namespace object of a version module. */
export function generateUtils(ns: object): OfprotoUtils {
  return {
    ofp_msg_type_to_str: (type) => `${valueName(ns, type, 'OFPT_')}(${type})`,
    ofp_error_type_to_str: (type) => `${valueName(ns, type, 'OFPET_')}(${type})`,
    ofp_error_code_to_str: (type, code) => `${errorNames(ns, type, code)[1]}(${code})`,
    ofp_error_to_jsondict: (type, code) => {
      const [t, c] = errorNames(ns, type, code);
      return { type: `${t}(${type})`, code: `${c}(${code})` };
    },
  };
}
