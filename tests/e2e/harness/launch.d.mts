import type { BrowserContext, BrowserType } from '@playwright/test';
export declare const GOC_HOSTS: string[];
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
}): Promise<{ context: BrowserContext; extensionId: string | null; userDataDir: string; close(): Promise<void> }>;
export declare function firefoxPrefs(geckoId: string, proxyPort: number | null): Record<string, unknown>;
