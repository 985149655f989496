import { describe, expect, it } from 'vitest';
import { findEmployer, findOrganisationTwin, findPersonTwin, personTwinQueries } from '../../../core/quick-capture/twins';
import { organisation, person } from './test-records';

describe('a captured person’s twin', () => {
  const ada = person({ firstName: 'Ada', lastName: 'Lovelace', emails: ['Ada@Engines.example'], websites: ['https://www.linkedin.com/in/ada-lovelace/'] });
  const namesake = person({ firstName: 'Ada', lastName: 'Lovelace', emails: ['other.ada@elsewhere.example'] });

  it('is the record with the same email address, whatever its case', () => {
    const twin = findPersonTwin({ emails: ['ada@engines.example'], websites: [] }, [namesake, ada]);
    expect(twin?.record.id).toBe(ada.id);
    expect(twin?.reason).toBe('same email Ada@Engines.example');
  });

  it('is the record with the same profile address, written another way', () => {
    const twin = findPersonTwin({ emails: [], websites: ['http://linkedin.com/in/Ada-Lovelace?trk=public#top'] }, [namesake, ada]);
    expect(twin?.record.id).toBe(ada.id);
  });

  it('is not someone who only shares the name', () => {
    expect(findPersonTwin({ emails: ['ada@new.example'], websites: ['https://ada.example/'] }, [namesake, ada])).toBeNull();
  });

  it('is not a record in the trash', () => {
    const trashed = person({ emails: ['gone@example.com'] }, 5);
    expect(findPersonTwin({ emails: ['gone@example.com'], websites: [] }, [trashed])).toBeNull();
  });

  it('prefers an email match over a profile match', () => {
    const byProfile = person({ websites: ['https://ada.example/'] });
    const byEmail = person({ emails: ['ada@ada.example'] });
    expect(findPersonTwin({ emails: ['ada@ada.example'], websites: ['https://ada.example'] }, [byProfile, byEmail])?.record.id).toBe(byEmail.id);
  });

  it('is searched for by addresses, name and profile hosts', () => {
    expect(personTwinQueries('Ada Lovelace', { emails: ['ada@engines.example'], websites: ['https://www.linkedin.com/in/ada'] }))
      .toEqual(['ada@engines.example', 'Ada Lovelace', 'linkedin.com']);
  });
});

describe('a captured organisation’s twin', () => {
  const engines = organisation({ name: 'Analytical Engines Ltd', domain: 'engines.example' });
  const bySite = organisation({ name: 'Difference Co', websites: ['https://www.difference.example/about'] });

  it('is the organisation with the same domain', () => {
    expect(findOrganisationTwin('WWW.Engines.example', [bySite, engines])?.record.id).toBe(engines.id);
    expect(findOrganisationTwin('difference.example', [engines, bySite])?.record.id).toBe(bySite.id);
  });

  it('is nobody when the capture has no domain, even with the same name', () => {
    expect(findOrganisationTwin('', [engines])).toBeNull();
    expect(findOrganisationTwin('other.example', [engines])).toBeNull();
  });

  it('is the employer a person is linked to, found by domain or by the same name', () => {
    expect(findEmployer('Engines', 'engines.example', [engines])?.id).toBe(engines.id);
    expect(findEmployer('analytical  engines LTD', '', [bySite, engines])?.id).toBe(engines.id);
    expect(findEmployer('Analytical', '', [engines])).toBeNull();
  });
});
