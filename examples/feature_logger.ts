/**
 * A TypeScript app loaded directly by osken-manager (no build step):
 *   osken-manager examples/feature_logger.ts
 * Apps import osken through its package paths, as os-ken apps import os_ken.
 */
import { OSKenApp } from 'osken/base/app_manager';
import { EventOFPSwitchFeatures, type EventOFPMsgBase } from 'osken/controller/ofp_event';
import { CONFIG_DISPATCHER, setEvCls } from 'osken/controller/handler';

export class FeatureLogger extends OSKenApp {
  @setEvCls(EventOFPSwitchFeatures, CONFIG_DISPATCHER)
  onFeatures(ev: EventOFPMsgBase): void {
    const f = ev.msg as unknown as { datapath_id: bigint; n_tables: number };
    this.logger.info(`switch 0x${f.datapath_id.toString(16)} connected with ${f.n_tables} tables`);
  }
}
