// The extension's fixed identity, which enterprise policy refers to it by.
import { createHash } from 'node:crypto';

// The public half of the key Tactful's Chrome package is signed with. Chrome
// derives the extension id from it, so unpacked, self-hosted and
// policy-installed copies all have the same id. The private half is not in
// the repository.
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyR901QlV0ZhfuRz+fylISp2/crjAfAWBuLseS+4jbhhMqpU+LFG3QYgKByBFBJCvznjclNBBHc6mnKEhk3N2MKhLTiyRy/lHjw7J7+qap2gn3ORilRWi2eFMIEMPj4cFoWmpwSoLwOtmwybuqo9e4T+d2baJe1C4zifA7WewiAzKIm25hUKmKtgWWxX5qGL8Bpl+tk8HQh3mluIuNLoBU9marl2DtI0cHOWdBnMib8GPgy4w8WRP+tXUZYKsHjgS2a1f+iWWYptjwTnrHgXAuLF6L2n7o/ZfqOpkyDMoq5NBYLjfY/5ujQPlUdmQ6uG7fAgqDXJ5aP7eeEIHcXLUcwIDAQAB';
export const CHROME_EXTENSION_ID = 'bkgfbfdnhffpiepndpaiecjdmbeikoag';
export const FIREFOX_ADDON_ID = 'tactful@tactful.example';

/**
 * Chrome's id for a manifest key: the first 128 bits of the SHA-256 of the
 * DER public key, each hex digit 0-f written as a letter a-p.
 * @param {string} base64Key
 */
export function chromeIdFromKey(base64Key) {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}
