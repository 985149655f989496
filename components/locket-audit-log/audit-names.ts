import { remoteDeviceOf } from '../../core/audit/remote-author';
import { deviceWriter, memberWriter, type NameDirectory } from '../../core/team/name-directory';
import { whoWriter } from '../shared/messages/attribution-words';

/** What this Locket's own acts are logged under (core/vault/account.ts and the stores it opens). */
const THIS_LOCKET = 'owner';

/**
 * The log stores ids only (it is kept in the clear); in a team the page names who they are:
 * this Locket's acts are "You", another device's are its member's. Outside a team, or for an id
 * the team cannot name, an entry reads as it is stored.
 */
export const whoText = (by: string, directory: NameDirectory | null): string => {
  if (!directory) return by;
  const device = remoteDeviceOf(by);
  if (device !== null) return whoWriter(deviceWriter(directory, device));
  return by === THIS_LOCKET ? whoWriter({ type: 'you' }) : by;
};

/** The entry's detail with a member id (a member invited, confirmed, changed or removed) given as their name. */
export const namedDetail = (
  detail: Readonly<Record<string, string | number | boolean>>, directory: NameDirectory | null,
): Readonly<Record<string, string | number | boolean>> => {
  const member = detail['member'];
  if (!directory || typeof member !== 'string') return detail;
  const writer = memberWriter(directory, member);
  return writer.type === 'unknown' ? detail : { ...detail, member: whoWriter(writer) };
};
