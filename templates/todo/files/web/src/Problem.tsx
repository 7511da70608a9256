import { useI18n } from './i18n/I18n';
import type { Problem as ProblemState } from './todos/useTodos';

/** What went wrong, where everyone sees it (and screen readers say it: role="alert"). */
export function Problem({ problem, onDismiss }: { problem: ProblemState; onDismiss: () => void }) {
  const { t } = useI18n();
  if (!problem) return null;
  const reason = problem.reason ?? t('error.network');
  return (
    <div className="problem" role="alert">
      <span>{t(problem.kind === 'save' ? 'error.save' : 'error.load', { reason })}</span>
      <button type="button" onClick={onDismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
