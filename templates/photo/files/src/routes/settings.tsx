import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { logOut } from '../plugins/auth.js';
import { AppError } from '../core/errors.js';
import { formErrors } from '../schemas/form.js';
import {
  changePasswordForm,
  cropForm,
  deleteAccountForm,
  notificationForm,
  privacyForm,
  profileForm,
} from '../schemas/photo.js';
import type { Services } from '../services/index.js';
import { SettingsPage } from '../views/pages/settings-page.js';

/** The user's own settings: profile, avatar, password, notification switches, privacy, deleting the account. */
export const settingsRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.addHook('preHandler', app.requireLogin);
  // A blocked account's session no longer counts (src/routes/index.tsx leaves request.user undefined).
  app.addHook('preHandler', async (request) => {
    if (!request.user) throw new AppError('forbidden', 'This account is blocked.');
  });

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: Partial<Record<string, string>>,
    status = 422,
  ) =>
    reply.page(
      'Settings',
      <SettingsPage user={(await services.accounts.byId(request.user!.id))!} errors={errors} />,
      status,
    );

  app.get('/', async (request, reply) => show(request, reply, {}, 200));

  app.post('/profile', async (request, reply) => {
    const form = profileForm.safeParse(request.body);
    if (!form.success) return show(request, reply, formErrors(form.error));
    await services.accounts.updateProfile(request.user!.id, form.data);
    request.flash('success', 'Your profile is saved.');
    return reply.redirect('/settings', 303);
  });

  app.post('/avatar', async (request, reply) => {
    const crop = cropForm.safeParse(request.body ?? {});
    const file = request.uploads.find((upload) => upload.field === 'avatar' && upload.data.length > 0);
    if (!crop.success) return show(request, reply, { avatar: crop.error.issues[0]?.message });
    if (!file) return show(request, reply, { avatar: 'Choose a picture first.' });
    try {
      await services.avatars.upload(request.user!, file.data, crop.data);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed')
        return show(request, reply, { avatar: error.message });
      throw error;
    }
    request.flash('success', 'Your avatar is changed.');
    return reply.redirect('/settings', 303);
  });

  app.post('/password', async (request, reply) => {
    const form = changePasswordForm.safeParse(request.body);
    if (!form.success) return show(request, reply, formErrors(form.error));
    try {
      await services.accounts.changePassword(request.user!.id, form.data.current, form.data.password);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed')
        return show(request, reply, { current: error.message });
      throw error;
    }
    request.flash('success', 'Your password is changed.');
    return reply.redirect('/settings', 303);
  });

  app.post('/notifications', async (request, reply) => {
    const form = notificationForm.safeParse(request.body ?? {});
    if (!form.success) throw new AppError('validation_failed', 'Each switch is a checkbox.');
    await services.accounts.setNotificationSwitches(request.user!.id, form.data);
    request.flash('success', 'Your notification settings are saved.');
    return reply.redirect('/settings', 303);
  });

  app.post('/privacy', async (request, reply) => {
    const form = privacyForm.safeParse(request.body ?? {});
    if (!form.success) throw new AppError('validation_failed', 'The switch is a checkbox.');
    await services.accounts.setPublicCollections(request.user!.id, form.data.publicCollections);
    request.flash('success', 'Your privacy settings are saved.');
    return reply.redirect('/settings', 303);
  });

  app.post('/delete', async (request, reply) => {
    const form = deleteAccountForm.safeParse(request.body);
    if (!form.success) return show(request, reply, { deletePassword: 'Give your password.' });
    try {
      await services.accounts.deleteAccount(request.user!.id, form.data.password);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed')
        return show(request, reply, { deletePassword: error.message });
      throw error;
    }
    await logOut(request);
    return reply.redirect('/?deleted=1', 303);
  });
};
