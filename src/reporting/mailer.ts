/**
 * Sending e-mail: SMTP through nodemailer, configured by THEODOI_SMTP_URL
 * ("smtp://user:pass@mail.example.gov.vn:587"; "smtps://" for implicit TLS). Without it theodoi
 * notifies in the app only.
 */
import nodemailer from "nodemailer";

export interface MailMessage { to: string[]; subject: string; text: string; messageId: string }
export interface Mailer { send(message: MailMessage): Promise<void>; close(): void }

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send({ to, subject, text, messageId }) {
      await transport.sendMail({ from, to, subject, text, messageId });
    },
    close: () => transport.close(),
  };
}
