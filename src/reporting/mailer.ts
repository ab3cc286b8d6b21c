/**
 * Sending e-mail: SMTP through nodemailer, configured by THEODOI_SMTP_URL
 * ("smtp://user:pass@mail.example.gov.vn:587"; "smtps://" for implicit TLS). Without it theodoi
 * notifies in the app only.
 */
import nodemailer from "nodemailer";

export interface MailMessage { to: string[]; subject: string; text: string; messageId: string }
export interface Mailer { send(message: MailMessage): Promise<void>; close(): void }

/** A send gives up well within the reminders' 5-minute lease, so a retry never overlaps a send still going on. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send({ to, subject, text, messageId }) {
      await transport.sendMail({ from, to, subject, text, messageId });
    },
    close: () => transport.close(),
  };
}
