"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useState } from "react";

export interface ToastMessage {
  id: number;
  tone: "success" | "error";
  text: string;
  link?: { href: string; label: string };
}

const ToastContext = createContext<(t: Omit<ToastMessage, "id">) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

/** Short confirmations and refusals, announced to screen readers, dismissed after 8 s. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const show = useCallback((t: Omit<ToastMessage, "id">) => {
    const id = nextId++;
    setToasts((all) => [...all, { ...t, id }]);
    setTimeout(() => setToasts((all) => all.filter((x) => x.id !== id)), 8_000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="fixed bottom-4 right-4 z-50 flex w-96 flex-col gap-2">
        {toasts.map((t) => (
          <div key={t.id} role="status" data-testid="toast"
            className={`rounded-md border px-4 py-3 text-sm shadow-lg ${t.tone === "success" ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"}`}>
            <p>{t.text}</p>
            {t.link && <Link href={t.link.href} className="mt-1 inline-block font-medium underline">{t.link.label}</Link>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
