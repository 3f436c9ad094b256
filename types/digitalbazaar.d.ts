// Digital Bazaar's verifiable-credential libraries ship JavaScript without type declarations:
// the few entry points Chemins calls, typed loosely (documents are JSON).

type JsonDoc = Record<string, unknown>;
type LoadedDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
type DocumentLoader = (url: string) => Promise<LoadedDocument>;

declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: JsonDoc; suite: unknown; documentLoader: DocumentLoader; now?: Date | string }): Promise<JsonDoc>;
  export function verifyCredential(options: {
    credential: JsonDoc;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonDoc; documentLoader: DocumentLoader; suite: unknown; verifyBitstringStatusListCredential?: boolean; verifyMatchingIssuers?: boolean }) => Promise<{ verified: boolean; error?: unknown }>;
    now?: Date | string;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[]; statusResult?: { verified: boolean; results?: { verified: boolean; status?: boolean }[] } }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export type KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { algorithm: string; id: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<JsonDoc & { publicKeyMultibase: string; secretKeyMultibase?: string }>;
  };
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>;
  export function from(key: JsonDoc): Promise<KeyPair>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function createList(options: { length: number }): Promise<{ setStatus(index: number, status: boolean): void; encode(): Promise<string> }>;
  export function decodeList(options: { encodedList: string }): Promise<{ getStatus(index: number): boolean }>;
  export function createCredential(options: { id: string; list: unknown; statusPurpose: string }): Promise<JsonDoc>;
  export function checkStatus(options: {
    credential: JsonDoc;
    documentLoader: DocumentLoader;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: unknown; results?: { verified: boolean; status?: boolean }[] }>;
}
