/**
 * JSON -> object for MRT messages (os-ken from_jsondict of mrtlib's
 * *MrtMessage classes, MrtPeer and MrtRibEntry): the inverse of their
 * toJsonDict(). Records (the header around a message) are in ../mrtlib.ts.
 */
import { JsonDictError } from '../../wire/errors.js';
import { base64Decode, type JsonObject, type JsonValue } from '../../wire/json/json.js';
import { jArr, jClass, jInt, jIntOrNull, jStr } from '../packet/packet_base.js';
import { bgpMessageFromJson, nlriFromJson, pathAttributeFromJson } from '../packet/bgp/json.js';
import { IP6AddrPrefix, IPAddrPrefix } from '../packet/bgp/nlri/prefix.js';
import * as M from './records.js';

type Dec = (d: JsonObject) => M.MrtMessage;

function req(d: JsonObject, key: string): JsonValue {
  const v = d[key];
  if (v === undefined) throw new JsonDictError(`missing field ${key}`);
  return v;
}

const int = (d: JsonObject, key: string): number => (req(d, key), jInt(d, key, 0));
const str = (d: JsonObject, key: string): string => (req(d, key), jStr(d, key, ''));

function b64Text(d: JsonObject, key: string): string {
  const v = d[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new JsonDictError(`field ${key}: expected base64 string`);
  return new TextDecoder().decode(base64Decode(v));
}

/** TABLE_DUMP carries 2-byte AS numbers, TABLE_DUMP_V2 4-byte ones (RFC 6396 4.3.4) */
function attrs(d: JsonObject, fourOctetAs: boolean): ReturnType<typeof pathAttributeFromJson>[] {
  return (jArr(d, 'bgp_attributes') ?? []).map((a) => pathAttributeFromJson(a, { fourOctetAs }));
}

function prefix(v: JsonValue | undefined, what: string): IPAddrPrefix | IP6AddrPrefix {
  if (v === undefined) throw new JsonDictError(`missing field ${what}`);
  const p = nlriFromJson(v);
  if (!(p instanceof IPAddrPrefix) && !(p instanceof IP6AddrPrefix)) throw new JsonDictError(`${what}: expected IPAddrPrefix or IP6AddrPrefix`);
  return p;
}

export function mrtPeerFromJson(v: JsonValue): M.MrtPeer {
  const [name, d] = jClass(v, 'peer entry');
  if (name !== 'MrtPeer') throw new JsonDictError(`peer entry: unexpected class ${name}`);
  return new M.MrtPeer({ bgp_id: str(d, 'bgp_id'), ip_addr: str(d, 'ip_addr'), as_num: int(d, 'as_num'), type_: jInt(d, 'type', 0) });
}

export function mrtRibEntryFromJson(v: JsonValue): M.MrtRibEntry {
  const [name, d] = jClass(v, 'RIB entry');
  if (name !== 'MrtRibEntry') throw new JsonDictError(`RIB entry: unexpected class ${name}`);
  return new M.MrtRibEntry({
    peer_index: int(d, 'peer_index'),
    originated_time: int(d, 'originated_time'),
    bgp_attributes: attrs(d, true),
    attr_len: jIntOrNull(d, 'attr_len', null),
    path_id: jIntOrNull(d, 'path_id', null),
  });
}

const ribEntries = (d: JsonObject): M.MrtRibEntry[] => (jArr(d, 'rib_entries') ?? []).map(mrtRibEntryFromJson);

function tableDump(Cls: new (o: M.TableDumpOpts) => M.TableDumpMrtMessage): Dec {
  return (d) =>
    new Cls({
      view_num: int(d, 'view_num'),
      seq_num: int(d, 'seq_num'),
      prefix: str(d, 'prefix'),
      prefix_len: int(d, 'prefix_len'),
      status: jInt(d, 'status', 1),
      originated_time: int(d, 'originated_time'),
      peer_ip: str(d, 'peer_ip'),
      peer_as: int(d, 'peer_as'),
      bgp_attributes: attrs(d, false),
      attr_len: jIntOrNull(d, 'attr_len', null),
    });
}

type RibCtor = new (o: { seq_num: number; prefix: IPAddrPrefix | IP6AddrPrefix; rib_entries: M.MrtRibEntry[]; entry_count?: number | null }) => M.MrtMessage;
function rib(Cls: RibCtor): Dec {
  return (d) => new Cls({ seq_num: int(d, 'seq_num'), prefix: prefix(d.prefix, 'prefix'), rib_entries: ribEntries(d), entry_count: jIntOrNull(d, 'entry_count', null) });
}

type GenericCtor = new (o: { seq_num: number; afi: number; safi: number; nlri: IPAddrPrefix; rib_entries: M.MrtRibEntry[]; entry_count?: number | null }) => M.MrtMessage;
function ribGeneric(Cls: GenericCtor): Dec {
  return (d) =>
    new Cls({
      seq_num: int(d, 'seq_num'),
      afi: int(d, 'afi'),
      safi: int(d, 'safi'),
      nlri: prefix(d.nlri, 'nlri') as IPAddrPrefix,
      rib_entries: ribEntries(d),
      entry_count: jIntOrNull(d, 'entry_count', null),
    });
}

/** The BGP4MP head fields but the AFI (read last, as before). */
const bgp4mpHead = (d: JsonObject): { peer_as: number; local_as: number; if_index: number; peer_ip: string; local_ip: string } => ({
  peer_as: int(d, 'peer_as'),
  local_as: int(d, 'local_as'),
  if_index: jInt(d, 'if_index', 0),
  peer_ip: str(d, 'peer_ip'),
  local_ip: str(d, 'local_ip'),
});

type StateCtor = new (o: { peer_as: number; local_as: number; if_index: number; peer_ip: string; local_ip: string; old_state: number; new_state: number; afi?: number | null }) => M.MrtMessage;
function stateChange(Cls: StateCtor): Dec {
  return (d) =>
    new Cls({
      ...bgp4mpHead(d),
      old_state: int(d, 'old_state'),
      new_state: int(d, 'new_state'),
      afi: jIntOrNull(d, 'afi', null),
    });
}

type MessageCtor = new (o: { peer_as: number; local_as: number; if_index: number; peer_ip: string; local_ip: string; bgp_message: ReturnType<typeof bgpMessageFromJson>; afi?: number | null }) => M.MrtMessage;
function bgp4mpMessage(Cls: MessageCtor & { AS4: boolean }): Dec {
  return (d) =>
    new Cls({
      ...bgp4mpHead(d),
      bgp_message: bgpMessageFromJson(req(d, 'bgp_message'), { fourOctetAs: Cls.AS4 }),
      afi: jIntOrNull(d, 'afi', null),
    });
}

const MESSAGES: Record<string, Dec> = {
  UnknownMrtMessage: (d) => new M.UnknownMrtMessage(base64Decode(str(d, 'buf'))),
  TableDumpAfiIPv4MrtMessage: tableDump(M.TableDumpAfiIPv4MrtMessage),
  TableDumpAfiIPv6MrtMessage: tableDump(M.TableDumpAfiIPv6MrtMessage),
  TableDump2PeerIndexTableMrtMessage: (d) =>
    new M.TableDump2PeerIndexTableMrtMessage({
      bgp_id: str(d, 'bgp_id'),
      peer_entries: (jArr(d, 'peer_entries') ?? []).map(mrtPeerFromJson),
      view_name: b64Text(d, 'view_name'),
      view_name_len: jIntOrNull(d, 'view_name_len', null),
      peer_count: jIntOrNull(d, 'peer_count', null),
    }),
  TableDump2RibIPv4UnicastMrtMessage: rib(M.TableDump2RibIPv4UnicastMrtMessage),
  TableDump2RibIPv4MulticastMrtMessage: rib(M.TableDump2RibIPv4MulticastMrtMessage),
  TableDump2RibIPv6UnicastMrtMessage: rib(M.TableDump2RibIPv6UnicastMrtMessage),
  TableDump2RibIPv6MulticastMrtMessage: rib(M.TableDump2RibIPv6MulticastMrtMessage),
  TableDump2RibIPv4UnicastAddPathMrtMessage: rib(M.TableDump2RibIPv4UnicastAddPathMrtMessage),
  TableDump2RibIPv4MulticastAddPathMrtMessage: rib(M.TableDump2RibIPv4MulticastAddPathMrtMessage),
  TableDump2RibIPv6UnicastAddPathMrtMessage: rib(M.TableDump2RibIPv6UnicastAddPathMrtMessage),
  TableDump2RibIPv6MulticastAddPathMrtMessage: rib(M.TableDump2RibIPv6MulticastAddPathMrtMessage),
  TableDump2RibGenericMrtMessage: ribGeneric(M.TableDump2RibGenericMrtMessage),
  TableDump2RibGenericAddPathMrtMessage: ribGeneric(M.TableDump2RibGenericAddPathMrtMessage),
  Bgp4MpStateChangeMrtMessage: stateChange(M.Bgp4MpStateChangeMrtMessage),
  Bgp4MpStateChangeAs4MrtMessage: stateChange(M.Bgp4MpStateChangeAs4MrtMessage),
  Bgp4MpMessageMrtMessage: bgp4mpMessage(M.Bgp4MpMessageMrtMessage),
  Bgp4MpMessageAs4MrtMessage: bgp4mpMessage(M.Bgp4MpMessageAs4MrtMessage),
  Bgp4MpMessageLocalMrtMessage: bgp4mpMessage(M.Bgp4MpMessageLocalMrtMessage),
  Bgp4MpMessageAs4LocalMrtMessage: bgp4mpMessage(M.Bgp4MpMessageAs4LocalMrtMessage),
};

/** `{"TableDump2RibIPv4UnicastMrtMessage": {...}}` (any MRT message class) -> message. */
export function mrtMessageFromJson(v: JsonValue): M.MrtMessage {
  const [name, d] = jClass(v, 'MRT message');
  const dec = Object.prototype.hasOwnProperty.call(MESSAGES, name) ? MESSAGES[name] : undefined;
  if (dec === undefined) throw new JsonDictError(`MRT message: unknown class ${name}`);
  return dec(d);
}
