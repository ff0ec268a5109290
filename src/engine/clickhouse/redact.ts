/** A message with every occurrence of the password blanked, in the text and in any URL. */
export function redact(message: string, password: string | undefined): string {
  const hidden = password ? message.replaceAll(password, "***") : message;
  return hidden.replace(/(https?:\/\/[^:/@\s]*:)[^@\s]*@/g, "$1***@");
}
