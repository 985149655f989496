/**
 * Word lists the seeded data draws from: European names with their diacritics, so
 * search meets the folding and prefixes real contact lists need.
 */
export const FIRST_NAMES = [
  'Anna', 'Maria', 'Sophie', 'Emma', 'Lena', 'Julia', 'Laura', 'Clara', 'Hannah', 'Lea',
  'Chloé', 'Camille', 'Manon', 'Inès', 'Léa', 'Giulia', 'Francesca', 'Chiara', 'Sofía', 'Lucía',
  'Ingrid', 'Astrid', 'Sigrid', 'Freja', 'Saoirse', 'Aoife', 'Zofia', 'Agnieszka', 'Katarzyna', 'Eva',
  'Olivia', 'Charlotte', 'Amelia', 'Isabel', 'Margarida', 'Beatriz', 'Elif', 'Nora', 'Maja', 'Tereza',
  'Lukas', 'Jonas', 'Felix', 'Paul', 'Leon', 'Maximilian', 'Tobias', 'Stefan', 'Jürgen', 'Matthias',
  'Louis', 'Hugo', 'Théo', 'Julien', 'François', 'Marco', 'Luca', 'Alessandro', 'Giovanni', 'Matteo',
  'José', 'Javier', 'Pablo', 'Søren', 'Mikkel', 'Lars', 'Björn', 'Oskar', 'Piotr', 'Tomasz',
  'Jakub', 'Seán', 'Ciarán', 'Liam', 'James', 'Oliver', 'George', 'Henrik', 'Mehmet', 'Daan',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Keller', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Köhler', 'Günther', 'Brandt', 'Vogel',
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Lefèvre', 'Moreau',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Díaz',
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Lindqvist', 'Berg',
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Novák', 'Dvořák', 'Horváth', 'Nagy', 'Kovács',
  'Murphy', "O'Brien", 'Kelly', 'Walsh', 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'de Vries',
  'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Yılmaz', 'Kaya', 'Silva', 'Santos', 'Ferreira', 'Costa',
] as const;

export const JOB_TITLES = [
  'Managing Director', 'Head of Sales', 'Account Manager', 'Office Manager', 'Procurement Lead',
  'Chief Financial Officer', 'Marketing Manager', 'Project Manager', 'Data Protection Officer',
  'Operations Manager', 'Buyer', 'Founder', 'Partner', 'Sales Engineer', 'Customer Success Manager',
  'IT Administrator', 'Legal Counsel', 'HR Business Partner', 'Product Owner', 'Consultant',
] as const;

/** Organisation names are built as prefix + sector word + legal form; see organisationAt. */
export const ORG_PREFIXES = [
  'Nordlicht', 'Alpenblick', 'Rheinland', 'Havel', 'Elbe', 'Lumière', 'Bellevue', 'Montmartre',
  'Aurora', 'Solaris', 'Vesta', 'Orion', 'Atlas', 'Polaris', 'Fjord', 'Birke', 'Eiche', 'Linde',
  'Tamise', 'Liffey', 'Douro', 'Tagus', 'Vltava', 'Danubia', 'Baltic', 'Adria', 'Ligure', 'Iberia',
  'Kastanie', 'Heide', 'Marina', 'Cobalt', 'Granit', 'Kiesel', 'Falke', 'Kranich', 'Silberberg',
  'Grünwald', 'Sonnenhof', 'Zephyr',
] as const;

export const ORG_SECTORS = [
  'Logistik', 'Consulting', 'Software', 'Bau', 'Design', 'Energie', 'Medien', 'Immobilien',
  'Maschinenbau', 'Catering', 'Pharma', 'Textil', 'Finanz', 'Reisen', 'Druck', 'Recht',
  'Analytics', 'Robotics', 'Foods', 'Systems', 'Labs', 'Studio', 'Partners', 'Solutions',
  'Handel', 'Werkstatt', 'Akustik', 'Optik', 'Verlag', 'Dental',
] as const;

/** Each legal form is paired with one country: its top-level domain, phone prefix and city. */
export const LEGAL_FORMS = [
  { form: 'GmbH', tld: 'de', phone: '+49 30', city: '10115 Berlin, Germany', currency: 'EUR' },
  { form: 'AG', tld: 'ch', phone: '+41 44', city: '8001 Zürich, Switzerland', currency: 'CHF' },
  { form: 'Ltd', tld: 'co.uk', phone: '+44 20', city: 'London EC1A 1BB, United Kingdom', currency: 'GBP' },
  { form: 'SARL', tld: 'fr', phone: '+33 1', city: '75002 Paris, France', currency: 'EUR' },
  { form: 'B.V.', tld: 'nl', phone: '+31 20', city: '1012 AB Amsterdam, Netherlands', currency: 'EUR' },
  { form: 'S.r.l.', tld: 'it', phone: '+39 02', city: '20121 Milano, Italy', currency: 'EUR' },
  { form: 'S.L.', tld: 'es', phone: '+34 91', city: '28013 Madrid, Spain', currency: 'EUR' },
  { form: 'AB', tld: 'se', phone: '+46 8', city: '111 51 Stockholm, Sweden', currency: 'SEK' },
  { form: 'ApS', tld: 'dk', phone: '+45 33', city: '1050 København, Denmark', currency: 'DKK' },
  { form: 'sp. z o.o.', tld: 'pl', phone: '+48 22', city: '00-001 Warszawa, Poland', currency: 'PLN' },
  { form: 'Teoranta', tld: 'ie', phone: '+353 1', city: 'Dublin D02, Ireland', currency: 'EUR' },
  { form: 'Oy', tld: 'fi', phone: '+358 9', city: '00100 Helsinki, Finland', currency: 'EUR' },
] as const;

export const STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Rue de la Paix', 'Via Roma', 'Calle Mayor', 'Kungsgatan',
  'High Street', 'Damrak', 'Ulica Długa', 'Strøget', 'Lindenallee', 'Gartenweg',
] as const;

export const TAGS = [
  'customer', 'lead', 'prospect', 'vip', 'partner', 'supplier', 'reseller', 'press', 'investor',
  'newsletter', 'event-2024', 'event-2025', 'trade-fair', 'churned', 'referral', 'enterprise',
  'smb', 'public-sector', 'nonprofit', 'dach', 'nordics', 'benelux', 'uk', 'iberia', 'renewal',
] as const;

export const EMAIL_PROVIDERS = ['gmail.com', 'outlook.com', 'gmx.de', 'web.de', 'proton.me', 'orange.fr', 'libero.it'] as const;

export const OWNERS = ['Anna Keller', 'Jonas Weber', 'Chloé Martin'] as const;

export const CASE_TOPICS = [
  'Onboarding', 'Contract renewal', 'Data access request', 'Billing dispute', 'Support escalation',
  'Integration project', 'Quarterly review', 'Complaint', 'Migration', 'Security questionnaire',
] as const;

export const OPPORTUNITY_TOPICS = [
  'Annual licence', 'Consulting retainer', 'Hardware refresh', 'Pilot project', 'Support plan',
  'Training package', 'Expansion seats', 'Framework agreement', 'Maintenance contract', 'Rollout phase 2',
] as const;

export const CONSENT_SOURCES = ['Web form', 'Trade fair', 'Business card', 'Signed contract', 'Phone call'] as const;
