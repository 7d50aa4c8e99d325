export interface StandinSimulator {
  url: string;
  port: number;
  state: { requests: string[]; updatesPerTicket: number };
  close(): Promise<void>;
}
export declare function startStandinSimulator(options?: { port?: number; https?: boolean; host?: string }): Promise<StandinSimulator>;
