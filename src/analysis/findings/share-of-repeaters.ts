import { formatCount, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { pluralRu, RU_FORMS } from "../../text/plural-ru.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "share_of_repeaters";

/** Finding: the shares of customers with 2+ and 5+ orders; holds whenever there are customers. */
export const shareOfRepeaters: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const { share_2plus, share_5plus, segments } = results.repeat;
    const users = segments["1"].users + segments["2-4"].users + segments["5+"].users;
    if (share_2plus === null || share_5plus === null || users === 0) return null;
    const users2 = segments["2-4"].users + segments["5+"].users;
    const users5 = segments["5+"].users;
    const text = (lang: Lang) => {
      const [p2, p5] = [formatPercent(share_2plus, lang), formatPercent(share_5plus, lang)];
      const [n2, n5, n] = [users2, users5, users].map((x) => formatCount(x, lang));
      if (lang === "en") {
        return `${p2} of customers made 2 or more orders and ${p5} made 5 or more (${n2} and ${n5} of ${n} customers).`;
      }
      const of = pluralRu(users, RU_FORMS.customerOf);
      return `${p2} покупателей сделали 2 и более заказа, ${p5} — 5 и более заказов (${n2} и ${n5} из ${n} ${of}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      { share_2plus, share_5plus, users_2plus: users2, users_5plus: users5, users },
    );
  },
};
