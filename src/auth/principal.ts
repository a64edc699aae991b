// The verified caller, derived once per request from the token (src/auth/).
export interface Principal {
  /** Agency code, e.g. POLDA-KALBAR; also the sourceAgency of everything this caller contributes. */
  agency: string;
  /** Subject of the token (service account or officer id), recorded as contributedBy. */
  subject: string;
  roles: readonly string[];
  /** Declared purpose of processing (UU 27/2022 Art. 16), e.g. investigation, victim-services. */
  purpose: string;
  /** Kode wilayah prefixes the caller works in; empty means no territorial limit. */
  jurisdiction: readonly string[];
  /** Name of the token's issuer (hub or a configured agency issuer). */
  issuer: string;
}
