/** Keeps one broken view from blanking the window; the rest of the program stays usable. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';
import { ApiError } from '../lib/api';

interface State {
  error: ApiError | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(): State {
    return { error: new ApiError({ code: 'INTERNAL', message: 'A view failed to render.' }) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('view failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <ErrorNotice error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
