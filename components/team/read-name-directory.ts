import type { NameDirectory } from '../../core/team/name-directory';
import type { LocketServices } from '../../platform/page-services/services';

/**
 * Who the team's device and member ids are, for a surface that names writers; null outside a
 * team. Names are extra: a worker that cannot answer leaves the surface as it is without them,
 * rather than failing what it shows.
 */
export const readNameDirectory = async (services: Pick<LocketServices, 'team'>): Promise<NameDirectory | null> => {
  try {
    const answer = await services.team?.nameDirectory();
    return answer?.ok ? answer.value : null;
  } catch {
    return null;
  }
};
