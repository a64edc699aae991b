// The sign-in box: paste a token, see who it says you are, sign out. An OIDC sign-in would
// replace web/shared/token.ts and render a "Sign in with <agency>" button here instead.
import { useId, useState, type FormEvent } from "react";
import { t } from "./i18n";
import { useLang, useToken } from "./hooks";
import { clearToken, looksLikeJwt, normaliseToken, setToken, tokenClaims } from "./token";

export function SignIn() {
  useLang();
  const token = useToken();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();

  if (token) {
    const claims = tokenClaims(token) ?? {};
    const roles = Array.isArray(claims.roles) ? claims.roles.join(", ") : String(claims.roles ?? "?");
    const exp = typeof claims.exp === "number" ? new Date(claims.exp * 1000) : null;
    return (
      <div className="signin signed-in" role="status">
        <span>
          {t("signin.as", { roles, agency: String(claims.agency ?? "?") })}
          {exp ? ` · ${t("signin.expires", { time: exp.toLocaleString() })}` : ""}
        </span>
        <button type="button" className="secondary" onClick={() => clearToken()}>
          {t("signin.signout")}
        </button>
      </div>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = normaliseToken(draft);
    if (!looksLikeJwt(value)) return setError(t("signin.invalid"));
    const exp = tokenClaims(value)?.exp;
    if (typeof exp === "number" && exp * 1000 < Date.now()) return setError(t("signin.expired"));
    setError(null);
    setDraft("");
    setToken(value);
  };

  return (
    <form className="signin" onSubmit={submit} aria-label={t("signin.title")}>
      <label htmlFor={inputId}>{t("signin.token")}</label>
      <p id={helpId} className="help">
        {t("signin.help")}
      </p>
      <div className="row">
        <input
          id={inputId}
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-describedby={error ? `${helpId} ${errorId}` : helpId}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit">{t("signin.submit")}</button>
      </div>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
