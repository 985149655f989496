import type { Clock } from '../../core/clock';
import type { ChangeBus } from '../../core/db/change-bus';
import type { LocketStore } from '../../core/store/contract';
import type { RecordId } from '../../core/records/types';
import type { ArchiveWorkerApi, BulkWorkerApi, ContactsWorkerApi, DuplicatesWorkerApi, ExportWorkerApi, ImportWorkerApi, PipelineWorkerApi, RelayRetentionWorkerApi, RetentionWorkerApi, SearchWorkerApi, TasksWorkerApi } from '../../worker/contract';
import type { SweepReport } from '../../worker/sweep-contract';
import type { PolicyProblem, RetentionPolicy } from '../../core/retention/policy';
import type { Result } from '../../core/result';
import type { LockPolicy } from '../../core/security/auto-lock';
import type { LoginLog } from '../../core/security/login-log';
import type { checkPassword } from '../../core/security/password-policy';
import type { AccountManager } from '../../core/vault/account';
import type { UnlockedKeys, VaultRecord } from '../../core/vault/types';
import type { CaptureDraft } from '../../core/quick-capture/pending';
import type { CaptureInboxState } from '../capture/capture-inbox';
import type { CaptureOutcome } from '../capture/capture-messages';
import type { StorageStatus } from '../retention/storage-status';
import type { CancellationRefusal } from '../../core/vault/access-refusals';
import type { SyncPageServices } from '../../core/sync/ports';
import type { ClientOf } from '../../worker/contracts/method';
import type { teamContract } from '../../worker/contracts/team';
import type { filterContract } from '../../worker/contracts/filters';
import type { FirstScreens, ScreenView } from '../session/first-screen-store';

/** The owner's account and its protection: what the settings page's security sections use. */
export interface SecurityServices {
  /** The vault as stored now (keys, two-factor state, recovery codes left). */
  readonly vault: () => Promise<VaultRecord | undefined>;
  readonly account: AccountManager;
  /** The keys of the unlocked session; null once locked. */
  readonly sessionKeys: () => Promise<UnlockedKeys | null>;
  readonly lockNow: () => Promise<void>;
  readonly lockPolicy: { readonly read: () => Promise<LockPolicy>; readonly write: (policy: LockPolicy) => Promise<void> };
  readonly logins: LoginLog;
  /** The password policy for new passwords, loaded lazily: its dictionaries are large. */
  readonly passwordPolicy: () => Promise<typeof checkPassword>;
  /**
   * Asks for the password again (and the security key when two-factor is on), then cancels the
   * account: it is hidden and locked at once, restorable for 14 days. Refuses with a message.
   */
  readonly cancelAccount: (password: string) => Promise<Result<{ readonly cancelledAt: number }, CancellationRefusal>>;
}

/** Retention as the settings page sees it: the owner's choices, the sweeps, and the worker's rule proposals. */
export interface RetentionServices extends RetentionWorkerApi {
  readonly readPolicy: () => Promise<RetentionPolicy>;
  readonly writePolicy: (patch: Partial<RetentionPolicy>) => Promise<Result<RetentionPolicy, PolicyProblem>>;
  /** The last sweep's report; null before the first. */
  readonly lastSweep: () => Promise<SweepReport | null>;
  /** When the background's alarm runs the next sweep; null when none is scheduled. */
  readonly nextSweepAt: () => Promise<number | null>;
  /** Runs a sweep now, in a worker, with the key, after any sweep already running has finished. */
  readonly sweepNow: () => Promise<SweepReport | null>;
  /** How much Locket stores on this device, and whether the browser keeps it when the disk runs low. */
  readonly storageStatus: () => Promise<StorageStatus>;
  /** Asks the browser to keep Locket's data when the disk runs low; resolves with whether it is kept now. */
  readonly keepData: () => Promise<boolean>;
}

/** Quick capture as pages see it: the capture waiting for the side panel, and the popup's trigger. */
export interface CaptureServices {
  /** Calls `listener` with the waiting capture (or failure) now and on every change; returns an unsubscribe function. */
  readonly watch: (listener: (state: CaptureInboxState) => void) => () => void;
  readonly readDraft: (captureId: string) => Promise<CaptureDraft | null>;
  readonly saveDraft: (draft: CaptureDraft) => Promise<void>;
  /** Drops the capture once saved or when the user lets it go. */
  readonly dismiss: (captureId: string) => Promise<void>;
  readonly dismissFailure: () => Promise<void>;
  /** Asks the background to capture the active tab of this window (the popup's button). */
  readonly captureActiveTab: () => Promise<CaptureOutcome>;
  /** The address of the tab the popup was opened over, '' when the browser does not tell (no activeTab grant). */
  readonly activeTabAddress: () => Promise<string>;
}

/** The options page's Team and Users sections: the team as this device sees it, and every act on it, in the page's worker. */
export type TeamServices = ClientOf<typeof teamContract>;

/**
 * Everything a surface needs from the platform, injected by its entrypoint so that every
 * element can be mounted anywhere (and driven by tests) without reaching for globals.
 */
export interface LocketServices {
  readonly store: LocketStore;
  readonly search: SearchWorkerApi['search'];
  /** Resolves once search covers every record (until then it answers from what is indexed so far). */
  readonly whenSearchReady: () => Promise<void>;
  readonly changes: Pick<ChangeBus, 'subscribe'>;
  readonly clock: Clock;
  /** Opens the side panel, showing `recordId` when given. Needs a user gesture. */
  readonly openSidePanel: (recordId?: RecordId) => Promise<void>;
  /** Record ids other surfaces asked the side panel to show; returns an unsubscribe function. */
  readonly onOpenRequest: (listener: (recordId: RecordId) => void) => () => void;
  readonly security: SecurityServices;
  readonly captures: CaptureServices;
  /** CSV export in the worker; `onProgress` is called from there as batches finish. */
  readonly exports: ExportWorkerApi;
  /** Work on a selection in the worker (its CSV export); absent where no worker runs behind the page. */
  readonly bulk?: BulkWorkerApi;
  /** CSV import in the worker: preview, dry run, run with progress, undo, past imports. */
  readonly imports: ImportWorkerApi;
  /** Filtered and sorted lists, in the worker (worker/filters); absent where no worker runs, and lists then show newest first unfiltered. */
  readonly filters?: ClientOf<typeof filterContract>;
  /** Backups and snapshots, in the worker (`onProgress` is proxied there). */
  readonly archives: ArchiveWorkerApi;
  readonly retention: RetentionServices;
  /** Likely duplicate pairs, found in the worker (merging itself is the store's). */
  readonly duplicates: DuplicatesWorkerApi;
  /**
   * The options page's Sync section: status, connecting, pairing and devices. Absent where no
   * sync worker runs behind the page, and then the section is not offered.
   */
  readonly sync?: SyncPageServices;
  /**
   * The team this device belongs to (the owner's account is a team of one once sync is on).
   * Absent where no team worker runs behind the page: the Team section is then not offered.
   */
  readonly team?: TeamServices;
  /** What this device does about the relay's retention (erasure receipts, a cancelled team); absent where no sync worker runs. */
  readonly relayRetention?: RelayRetentionWorkerApi;
  /** The Tasks view's reads (worker/contracts/tasks.ts); absent where no worker runs, and then Tasks is not offered. */
  readonly tasks?: TasksWorkerApi;
  /** The pipeline board and the owner's milestones, in the worker; absent where no worker runs behind the page. */
  readonly pipeline?: PipelineWorkerApi;
  /** Last contacted and stay-in-touch, computed in the worker; absent where no worker runs (the page then shows neither). */
  readonly contacts?: ContactsWorkerApi;
  /**
   * Keeps a view's first screen as drawn (the people list's rows, Tasks' first rows, the board's
   * first cards), sealed under the account key, for the next side panel to draw before its
   * database is open (core/first-page); absent where nothing keeps them.
   */
  readonly firstScreens?: { readonly remember: <V extends ScreenView>(view: V, screen: () => FirstScreens[V]) => void };
}
