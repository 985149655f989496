import { organisationAt, personAt, planDataset } from './seed-data';

/**
 * The fixed search workload: about thirty queries a user types into the search box.
 * Drawn only from records and fields that are identical in every data set size of at
 * least 10k (person and organisation indexes below the 10k plan's counts, private emails,
 * organisation domains), so the figures for 10k and 100k measure the same questions.
 */
export const benchQueries = (seed: number): string[] => {
  const plan = planDataset(10_000);
  const person = (index: number) => personAt(seed, index, plan);
  const organisation = (index: number) => organisationAt(seed, index);
  const unaffiliated = Array.from({ length: 400 }, (_, i) => person(i))
    .filter((p) => p.organisationIndex === null)
    .slice(0, 4);

  const fullNames = [3, 17, 101, 555, 2024].map((i) => {
    const { fields } = person(i);
    return `${fields.firstName} ${fields.lastName}`;
  });
  const emails = [
    ...unaffiliated.map((p) => p.fields.emails[0] ?? ''),
    organisation(12).emails[0] ?? '',
  ];
  const domains = [5, 77, 640].map((i) => organisation(i).domain);
  const organisationNames = [9, 310].map((i) => organisation(i).name.split(' ').slice(0, 2).join(' '));
  const tagged = Array.from({ length: 100 }, (_, i) => person(42 + i)).find((p) => p.fields.tags.length > 0) ?? person(42);
  const twoTerm = [
    `${tagged.fields.lastName} ${tagged.fields.tags[0] ?? 'customer'}`,
    `${person(808).fields.firstName} ${person(808).fields.lastName.slice(0, 3)}`,
    'nordlicht logistik',
  ];

  return [
    // Name prefixes as they are typed.
    'a', 'ma', 'mül', 'schm', 'joh', 'fran', 'gar', 'nov',
    ...fullNames,
    ...emails,
    ...domains,
    ...organisationNames,
    ...twoTerm,
    // Tags.
    'customer', 'vip', 'trade-fair', 'nordics',
  ].filter((query) => query !== '');
};
