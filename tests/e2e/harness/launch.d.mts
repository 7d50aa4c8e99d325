import type { BrowserContext, BrowserType } from '@playwright/test';
export declare const GOC_HOSTS: string[];
export declare const EXTRA_GOC_HOST: string;
export declare const SIM_HOSTS: string[];
export declare const TEST_APPROVED_HOST_PATTERNS: string[];
export declare function unpackedExtensionId(extensionDir: string): string;
export declare const CHROMIUM_PATH: string;
export declare const FIREFOX_PATH: string;
export declare const FIREFOX_EXTENSION_UUID: string;
export declare function chromiumArgs(extensionDir: string | null, simPort: number | null): string[];
export declare function launchChromium(options: {
  chromium: BrowserType;
  extensionDir: string | null;
  simPort: number | null;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Host patterns the profile records as approved before (see seedApprovedHosts in launch.mjs). */
  approvedHostPatterns?: string[];
}): Promise<{ context: BrowserContext; extensionId: string | null; userDataDir: string; close(): Promise<void> }>;
export declare function firefoxPrefs(geckoId: string, proxyPort: number | null): Record<string, unknown>;
