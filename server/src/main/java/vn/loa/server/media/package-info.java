/** The media library: files judged frame by frame, their index, playlists and who owns them. */
package vn.loa.server.media;
