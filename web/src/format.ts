/** Display formats: Vietnamese dates (dd/mm/yyyy) whatever the language, as the documents write them. */
import { formatVietnameseDate } from "../../src/text/dates";

export const formatDate = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : "");
