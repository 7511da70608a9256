export interface DashboardPageProps {
  postCount: number;
  categoryCount: number;
  pendingComments: number;
}

export function DashboardPage({ postCount, categoryCount, pendingComments }: DashboardPageProps) {
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <ul class="admin-menu">
        <li>
          <a href="/admin/posts/new">Write a new post</a>
        </li>
        <li>
          <a href="/admin/posts">Posts</a> <span class="count">({postCount})</span>
        </li>
        <li>
          <a href="/admin/categories">Categories</a> <span class="count">({categoryCount})</span>
        </li>
        <li>
          <a href="/admin/comments?filter=pending">Comments waiting for approval</a>{' '}
          <span class="count">({pendingComments})</span>
        </li>
        <li>
          <a href="/admin/settings">Settings</a>
        </li>
      </ul>
    </section>
  );
}
