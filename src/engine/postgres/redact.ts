/** A driver message with every occurrence of the password blanked. */
export function redact(message: string, password: string | undefined): string {
  const hidden = password ? message.replaceAll(password, "***") : message;
  // A URL echoed back by a parser carries its password after the user name.
  return hidden.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/g, "$1***@");
}
