/** A staff page of a session seen by nobody signed in: who it is for, and the way to sign in and come back. */
export function SignInNotice({ text, signIn, back }: { text: string; signIn: string; back: string }) {
  return (
    <p role="alert" className="rounded bg-stone-100 p-3">
      {text} <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(back)}`}>{signIn}</a>
    </p>
  );
}
