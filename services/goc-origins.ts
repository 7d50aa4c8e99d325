/** Other GOC sites (issue 9): content scripts registered at run time for granted origins; being built. */
export function registerGocOriginsService(): void {}
