/**
 * Public half of the development signing key (base64 DER, SubjectPublicKeyInfo).
 * With it in the manifest, every unpacked build gets the same extension id, and
 * WebAuthn credentials, which are bound to that id, survive rebuilds.
 * Published builds drop it (LOCKET_STORE_BUILD): a store assigns its own id.
 */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr0pcFzkuXkKI6rxYzB5MXlwS4ZMlPPthSRTG2sz1ikudVy3/4nzsXZlYruqUYjMOV9J1nv0j3ElhuljoD/LoM4rKc6HqKE8YTVJ0d1YPb6yl4QDK04e5XUuTdAl/jFQlfq/lmTBsVutbZDIQhiHTBzX38mDuqGeiFGDK3TgpKegnztMz8iKxRadXDxytsBtE11U6Y25wDpP2HVqh0CNlVcwbkJaTvwHtJ1j6XB5m1CZfO40Bn4xVDslzj72umlHCj7gaQYW0rHtZNs8H5Uaq731AzD1fVM+SEkwTrJV6o8sKjZaAcCIlALq2PE9Jtg2ZsdsRijZ8IlnDsdvA7g8oSQIDAQAB';
