/** A real SMTP server on a free local port that keeps what it receives, and can refuse the first messages (451, try later). */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail { messageId: string; to: string[]; subject: string; raw: string }
export interface TestSmtp { url: string; received: ReceivedMail[]; refuseNext(n: number): void; close(): Promise<void> }

const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(raw)?.[1].replace(/\r?\n[ \t]/g, " ").trim() ?? "";

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals--;
          return callback(Object.assign(new Error("Hộp thư tạm bận, thử lại sau"), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ messageId: header(raw, "Message-ID"), to: session.envelope.rcptTo.map((r) => r.address), subject: header(raw, "Subject"), raw });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, refuseNext: (n) => { refusals = n; }, close: () => new Promise((ok) => server.close(() => ok())) };
}
