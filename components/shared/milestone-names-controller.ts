import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pipelineOf } from '../../core/pipeline/pipeline-settings';
import type { LocketServices } from '../../platform/page-services/services';
import { milestoneName } from './messages/list-words';

/**
 * The owner's milestone names for an element that shows milestones outside the board (a list's
 * milestone column): read once connected and again whenever the settings change. Until read,
 * and for a milestone no longer listed, the built-in's word or the id.
 */
export class MilestoneNamesController implements ReactiveController {
  private names: ReadonlyMap<string, string> = new Map();
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost & { readonly services: LocketServices }) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.read();
    this.stop = this.host.services.changes.subscribe((change) => { if (change.settings) void this.read(); });
  }

  hostDisconnected(): void {
    this.stop?.();
  }

  readonly nameOf = (id: string): string => this.names.get(id) ?? milestoneName({ id, name: '' });

  private async read(): Promise<void> {
    const settings = await this.host.services.store.getSettings().catch(() => null);
    if (!settings) return;
    this.names = new Map(pipelineOf(settings).milestones.map((milestone) => [milestone.id, milestoneName(milestone)]));
    this.host.requestUpdate();
  }
}
