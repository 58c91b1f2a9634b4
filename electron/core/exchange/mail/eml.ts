import MailComposer from 'nodemailer/lib/mail-composer';

export interface PackageEmail {
  /** Omitted in an .eml for the user's own mail program, which sends it from its account. */
  from?: string;
  to: string;
  subject: string;
  text: string;
  attachment: { fileName: string; bytes: Buffer };
  date?: Date;
  /** `<id@domain>`; MailComposer makes one when omitted. */
  messageId?: string;
  /**
   * Marks the message unsent (`X-Unsent: 1`): Outlook then opens the file as a draft with a Send
   * button rather than as a received message. Thunderbird ignores it ("Edit as New Message").
   */
  draft?: boolean;
}

/**
 * A package as a standard MIME message (RFC 5322 / 2045): a UTF-8 plain-text body, the package
 * attached as application/zip in base64, Date and Message-ID. MailComposer encodes the
 * non-ASCII subject as RFC 2047 encoded words and the attachment's name per RFC 2231, which
 * Outlook and Thunderbird both read.
 */
export async function composePackageEmail(mail: PackageEmail): Promise<Buffer> {
  const composer = new MailComposer({
    ...(mail.from === undefined ? {} : { from: mail.from }),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.date === undefined ? {} : { date: mail.date }),
    ...(mail.messageId === undefined ? {} : { messageId: mail.messageId }),
    ...(mail.draft ? { headers: { 'X-Unsent': '1' } } : {}),
    attachments: [{ filename: mail.attachment.fileName, content: mail.attachment.bytes, contentType: 'application/zip', contentTransferEncoding: 'base64' }],
    // Everything is given as bytes: nothing may be read from a path or fetched from a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
