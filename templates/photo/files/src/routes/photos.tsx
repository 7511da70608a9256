import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeNext } from '../plugins/auth.js';
import { AppError, prefersHtml } from '../core/errors.js';
import { can } from '../core/permissions.js';
import { formErrors } from '../schemas/form.js';
import { id, idParams } from '../schemas/ids.js';
import { pageQuery } from '../schemas/pagination.js';
import { commentForm, descriptionForm, reportForm, tagsForm, toggleForm, uploadForm } from '../schemas/photo.js';
import type { Services } from '../services/index.js';
import { fileUrl, ToggleButton } from '../views/components/photo-bits.js';
import { PhotoPage } from '../views/pages/photo-page.js';
import { CollectorsPage, UploadPage } from '../views/pages/site-pages.js';

const tagParams = z.object({ id, tagId: id });

/** Uploading, the photo page and everything done on it: description, tags, comments, collect, report, delete. */
export const photoRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const uploadLimits = (request: FastifyRequest) => ({
    maxFiles: request.server.uploadLimits.files,
    maxMb: Math.round(request.server.uploadLimits.fileSize / 1024 / 1024),
  });

  const photoPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    photoId: number,
    extra: { replyTo?: number; commentError?: string } = {},
    status = 200,
  ) => {
    const viewer = request.user;
    const [{ photo, author, tags, neighbours }, threads, collected, collectors] = await Promise.all([
      services.photos.page(photoId),
      services.comments.threads(photoId),
      services.social.hasCollected(viewer?.id, photoId),
      services.social.collectors(photoId, 1),
    ]);
    const replied = threads.find((thread) => thread.comment.id === extra.replyTo)?.comment;
    return reply.page(
      photo.description.slice(0, 60) || `Photo by ${author.name}`,
      <PhotoPage
        photo={photo}
        author={author}
        tags={tags}
        neighbours={neighbours}
        threads={threads}
        collects={collectors.total}
        viewer={{
          loggedIn: viewer !== undefined,
          id: viewer?.id,
          mayChange: services.photos.mayChange(viewer, photo),
          mayComment: can(viewer, 'COMMENT'),
          mayCollect: can(viewer, 'COLLECT'),
          mayModerate: can(viewer, 'MODERATE'),
          collected,
        }}
        replyTo={replied ? { id: replied.id, name: replied.author.name } : undefined}
        commentError={extra.commentError}
      />,
      status,
    );
  };

  routes.get('/upload', { preHandler: app.requireLogin }, async (request, reply) => {
    if (!can(request.user, 'UPLOAD')) throw permissionError(request);
    return reply.page('Upload photos', <UploadPage {...uploadLimits(request)} />);
  });

  // A multipart form: src/plugins/uploads.ts has read its text fields into request.body and its files into
  // request.uploads (in memory, within the limits) before this runs.
  routes.post('/upload', async (request, reply) => {
    const form = uploadForm.safeParse(request.body ?? {});
    const files = request.uploads.filter((file) => file.field === 'photos');
    try {
      if (!form.success) throw new AppError('validation_failed', Object.values(formErrors(form.error)).join(' '));
      const photos = await services.photos.upload(request.user, { files, ...form.data });
      if (!prefersHtml(request))
        return reply
          .status(201)
          .send({ photos: photos.map((photo) => ({ id: photo.id, url: `/photos/${photo.id}` })) });
      request.flash('success', photos.length === 1 ? 'Your photo is up.' : `Your ${photos.length} photos are up.`);
      return reply.redirect(`/photos/${photos[0]!.id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed' || !prefersHtml(request)) throw error;
      return reply.page('Upload photos', <UploadPage {...uploadLimits(request)} error={error.message} />, 422);
    }
  });

  routes.get(
    '/photos/:id',
    { schema: { params: idParams, querystring: z.object({ reply: id.optional() }) } },
    async (request, reply) => {
      if (prefersHtml(request)) return photoPage(request, reply, request.params.id, { replyTo: request.query.reply });
      // The same photo for a script: where its files are, who made it, its tags.
      const { photo, author, tags } = await services.photos.page(request.params.id);
      return {
        id: photo.id,
        description: photo.description,
        author: author.username,
        tags: tags.map((tag) => tag.name),
        width: photo.width,
        height: photo.height,
        files: { original: fileUrl(photo.filename), medium: fileUrl(photo.filenameM), small: fileUrl(photo.filenameS) },
        fileNames: { original: photo.filename, medium: photo.filenameM, small: photo.filenameS },
      };
    },
  );

  routes.post('/photos/:id/description', { schema: { params: idParams } }, async (request, reply) => {
    const form = descriptionForm.safeParse(request.body);
    if (!form.success) throw new AppError('validation_failed', 'The description may have at most 500 characters.');
    await services.photos.editDescription(request.user, request.params.id, form.data.description);
    request.flash('success', 'The description is saved.');
    return reply.redirect(`/photos/${request.params.id}`, 303);
  });

  routes.post('/photos/:id/tags', { schema: { params: idParams } }, async (request, reply) => {
    const form = tagsForm.safeParse(request.body);
    if (!form.success)
      throw new AppError(
        'validation_failed',
        Object.values(formErrors(form.error)).join(' ') || 'Give at least one tag.',
      );
    await services.photos.addTags(request.user, request.params.id, form.data.tags);
    request.flash('success', 'The tags are added.');
    return reply.redirect(`/photos/${request.params.id}`, 303);
  });

  routes.post('/photos/:id/tags/:tagId/delete', { schema: { params: tagParams } }, async (request, reply) => {
    await services.photos.removeTag(request.user, request.params.id, request.params.tagId);
    request.flash('success', 'The tag is removed.');
    return reply.redirect(`/photos/${request.params.id}`, 303);
  });

  routes.post('/photos/:id/comments', { schema: { params: idParams } }, async (request, reply) => {
    const form = commentForm.safeParse(request.body);
    if (!form.success) {
      const errors = formErrors(form.error);
      return photoPage(request, reply, request.params.id, { commentError: errors.body ?? errors.repliedId }, 422);
    }
    const comment = await services.comments.add(request.user, request.params.id, form.data.body, form.data.repliedId);
    request.flash('success', 'Your comment is posted.');
    return reply.redirect(`/photos/${request.params.id}#comment-${comment.id}`, 303);
  });

  routes.post(
    '/photos/:id/comments/:state',
    { schema: { params: z.object({ id, state: z.enum(['open', 'close']) }) } },
    async (request, reply) => {
      await services.photos.setCommentsOpen(request.user, request.params.id, request.params.state === 'open');
      return reply.redirect(`/photos/${request.params.id}#comments`, 303);
    },
  );

  routes.post('/comments/:id/delete', { schema: { params: idParams } }, async (request, reply) => {
    const comment = await services.comments.delete(request.user, request.params.id);
    request.flash('success', 'The comment is deleted.');
    const body = (request.body ?? {}) as Record<string, unknown>;
    return reply.redirect(safeNext(body.next, `/photos/${comment.photoId}#comments`), 303);
  });

  // Collect and uncollect: a plain form (redirects back) or htmx (answers with the new button).
  routes.post('/photos/:id/collect', { schema: { params: idParams } }, async (request, reply) => {
    const form = toggleForm.safeParse(request.body);
    if (!form.success) throw new AppError('validation_failed', 'Say whether to collect (state=on) or not (state=off).');
    const photoId = request.params.id;
    if (form.data.state === 'on') await services.social.collect(request.user, photoId);
    else await services.social.uncollect(request.user, photoId);
    const on = form.data.state === 'on';
    if (request.wantsFragment) {
      return reply.fragment(
        <ToggleButton
          action={`/photos/${photoId}/collect`}
          on={on}
          labels={['Collect', 'Collected']}
          next={`/photos/${photoId}`}
        />,
      );
    }
    if (!prefersHtml(request)) return { collected: on };
    request.flash('success', on ? 'Collected.' : 'Removed from your collection.');
    return reply.redirect(safeNext(form.data.next, `/photos/${photoId}`), 303);
  });

  routes.get(
    '/photos/:id/collectors',
    { schema: { params: idParams, querystring: pageQuery } },
    async (request, reply) => {
      const people = await services.social.collectors(request.params.id, request.query.page);
      return reply.page('Collected by', <CollectorsPage photoId={request.params.id} people={people} />);
    },
  );

  routes.post('/photos/:id/report', { schema: { params: idParams } }, async (request, reply) => {
    const form = reportForm.safeParse(request.body);
    if (!form.success) throw new AppError('validation_failed', 'The reason may have at most 200 characters.');
    const isNew = await services.photos.report(request.user, request.params.id, form.data.reason);
    request.flash('info', isNew ? 'Thank you: a moderator will look at it.' : 'You reported this photo already.');
    return reply.redirect(`/photos/${request.params.id}`, 303);
  });

  routes.post('/photos/:id/delete', { schema: { params: idParams } }, async (request, reply) => {
    const photo = await services.photos.delete(request.user, request.params.id);
    request.flash('success', 'The photo is deleted.');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const author = photo.authorId === request.user?.id ? request.user.username : undefined;
    return reply.redirect(safeNext(body.next, author ? `/users/${encodeURIComponent(author)}` : '/'), 303);
  });
};

/** Why a logged-in user may not upload, in words. */
function permissionError(request: FastifyRequest): AppError {
  const user = request.user;
  if (user && !user.confirmed)
    return new AppError('forbidden', 'Confirm your e-mail address first: we sent you a link.');
  return new AppError('forbidden', 'Your account may not upload photos.');
}
