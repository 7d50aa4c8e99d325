export declare const GOC_HOSTS: string[];
export declare function selfSignedCert(): Promise<{ key: string; cert: string; notAfter: string }>;
