import { useState } from "react";
import { ErrorAlert } from "../../../components/alert.tsx";
import { SelectField, TextAreaField } from "../../../components/fields.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { useSubmit } from "../../../lib/use-submit.ts";
import { noticeAction } from "../api.ts";
import { LANGUAGES, type Notice, type NoticeLanguage } from "../types.ts";

/** An addendum to the published notice, in the language chosen (the interface's by default). */
export function AddendumForm({ notice, onDone }: { notice: Notice; onDone: (m: string) => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<NoticeLanguage>(lang);
  const [text, setText] = useState("");
  const { pending, error, handler } = useSubmit();
  if (!open)
    return (
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpen(true)}
          data-testid="notice-addendum"
        >
          {t("noticeAction.add_addendum")}
        </button>
      </div>
    );
  const submit = handler(async () => {
    await noticeAction(notice.id, "addenda", {
      text: { language, text: text.trim() },
      expectedVersion: notice.version,
    });
    setOpen(false);
    setText("");
    onDone(t("notices.actionDone"));
  });
  return (
    <form className="panel reasons-form" onSubmit={submit} data-testid="notice-addendum-form">
      <ErrorAlert error={error} />
      <SelectField
        label={t("wizard.language")}
        value={language}
        onChange={(e) => setLanguage(e.target.value as NoticeLanguage)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("notices.addendumText")}
        required
        rows={3}
        maxLength={8000}
        dir="auto"
        value={text}
        onChange={(e) => setText(e.target.value)}
        testId="notice-addendum-text"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending || !text.trim()}>
          {t("noticeAction.add_addendum")}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
