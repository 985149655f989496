/**
 * The one relay message a printed recovery key needs before it can open a session: which team
 * the device its words derive is enrolled in. The words carry no team id (16 bytes, all of them
 * the secret), and a session is opened per team, so a new device asks the relay first.
 *
 *   POST /v1/recovery/team   { device }   → { team }   (team null: no active device with that id)
 *
 * "None" is an answer, not a refusal: a page's console logs every refused request, and a
 * mistyped key is an ordinary thing to type.
 *
 * The answer tells nothing new to whoever can ask: a device id is a hash of a public key that only
 * the words derive, and it appears nowhere but in that team's own log. The session that follows
 * is still signed with the words' key.
 */
import * as v from 'valibot';
import { DeviceIdSchema, TeamIdSchema } from '../sync/protocol';

export const RECOVERY_TEAM_PATH = '/v1/recovery/team';

export const RecoveryTeamRequestSchema = v.strictObject({ device: DeviceIdSchema });
export const RecoveryTeamReplySchema = v.strictObject({ team: v.nullable(TeamIdSchema) });
