/** Why a .vcf file is refused before its preview; the words live in components/shared/messages/import-messages.ts. */
export type VcardFileRefusal =
  /** Not one BEGIN:VCARD … END:VCARD in the file. */
  | { readonly type: 'no-vcards' };
