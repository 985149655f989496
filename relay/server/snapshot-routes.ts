/**
 * The snapshot API (core/sync/snapshot-protocol.ts lists it). Every call takes a bearer token;
 * uploading (begin, rows, commit) is for admins and the owner (core/team/roles.ts
 * `mayUploadSnapshots`): a standard or read-only member's device is refused `role_forbidden`. Reading is for
 * every member, as pulling the log is.
 */
import {
  SNAPSHOT_LIMITS, SnapshotBeginSchema, SnapshotCommitSchema, SnapshotGetSchema, SnapshotLatestRequestSchema, SnapshotRowsRequestSchema,
} from '../../core/sync/snapshot-protocol';
import { mayUploadSnapshots } from '../../core/team/roles';
import { parseMessage, RelayRefusal } from './http-kit';
import { hashId } from './logger';
import type { RouteAnswer, RouteContext } from './route-context';

export const isSnapshotPath = (path: string | undefined): boolean => path?.startsWith('/v1/snapshots/') ?? false;

const NO_SUCH_SNAPSHOT = (): RelayRefusal => new RelayRefusal(404, 'not_found', 'No such snapshot open for this device');

export const routeSnapshots = async (path: string, body: Buffer, authorization: string | undefined, context: RouteContext): Promise<RouteAnswer> => {
  const { store, log } = context;
  const caller = await context.auth.authenticate(authorization);
  const tags = { team: hashId(caller.team), device: hashId(caller.device) };
  const refuseReaders = async (): Promise<void> => {
    const { role } = await store.deviceAccess(caller.team, caller.device);
    // A team without a log is its one owner's.
    if (role !== null && !mayUploadSnapshots(role)) throw new RelayRefusal(403, 'role_forbidden', 'This member\'s role may not upload snapshots');
  };
  switch (path) {
    case '/v1/snapshots/begin': {
      const { atSeq, epoch } = parseMessage(SnapshotBeginSchema, body);
      await refuseReaders();
      const begun = await store.beginSnapshot(caller.team, caller.device, atSeq, epoch);
      if ('refused' in begun) {
        throw begun.refused === 'ahead'
          ? new RelayRefusal(409, 'conflict', 'atSeq is past the head')
          : new RelayRefusal(409, 'conflict', 'Too many snapshot uploads are open for this team');
      }
      log.info({ ...tags, atSeq }, 'snapshot begun');
      return { status: 200, body: { snapshotId: begun.snapshotId } };
    }
    case '/v1/snapshots/rows': {
      await context.limits.pushedBytes(caller.team, body.length);
      const { snapshotId, rows } = parseMessage(SnapshotRowsRequestSchema, body);
      await refuseReaders();
      const written = await store.addSnapshotRows(caller.team, caller.device, snapshotId, rows);
      if ('refused' in written) throw NO_SUCH_SNAPSHOT();
      return { status: 200, body: { stored: written.stored } };
    }
    case '/v1/snapshots/commit': {
      const { snapshotId } = parseMessage(SnapshotCommitSchema, body);
      await refuseReaders();
      if (!(await store.commitSnapshot(caller.team, caller.device, snapshotId))) throw NO_SUCH_SNAPSHOT();
      log.info(tags, 'snapshot committed');
      return { status: 200, body: { snapshotId } };
    }
    case '/v1/snapshots/latest': {
      parseMessage(SnapshotLatestRequestSchema, body);
      return { status: 200, body: await store.latestSnapshot(caller.team) };
    }
    case '/v1/snapshots/get': {
      const { snapshotId, afterRecordId, limit } = parseMessage(SnapshotGetSchema, body);
      const page = await store.snapshotPage(caller.team, snapshotId, afterRecordId ?? '', limit ?? SNAPSHOT_LIMITS.maxRowsPerPage);
      if (!page) throw new RelayRefusal(404, 'not_found', 'No such snapshot');
      return { status: 200, body: page };
    }
    default:
      throw new RelayRefusal(404, 'not_found', 'No such endpoint');
  }
};
