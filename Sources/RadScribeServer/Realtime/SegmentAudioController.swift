import Foundation
import Hummingbird
import NIOCore
import RadScribeCore
import RadScribeSpeech

/// Session read-back for the radiologist: the stored finals of a session and the retained audio of any segment.
///
/// Both need the session token as `Authorization: Bearer`; a wrong token and an unknown session look the same (404 is
/// not used for them, so ids cannot be probed): 401.
struct SegmentAudioController: Sendable {
    let sessions: DictationSessionRegistry

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(":sessionId", use: session)
        group.get(":sessionId/segments/:segmentId/audio", use: audio)
    }

    /// The session's finals as JSON.
    @Sendable func session(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try await authorizedSession(request, context: context)
        let body = SessionBody(
            sessionId: session.id,
            language: session.language,
            examType: await session.examType,
            segments: await session.storedSegments
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body)))
        )
    }

    /// One final segment's audio as a 16 kHz mono PCM16 WAV file.
    @Sendable func audio(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try await authorizedSession(request, context: context)
        guard let index = Int(try context.parameters.require("segmentId")), index >= 0 else {
            throw Problem.badRequest("The segment id must be a whole number.")
        }
        guard let samples = await session.audio(ofSegment: index) else {
            throw Problem.notFound("There is no retained audio for this segment: it does not exist, or its retention time has passed.")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "audio/wav", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: WAVFile.pcm16(samples: samples, sampleRate: Endpointer.sampleRate)))
        )
    }

    private func authorizedSession(_ request: Request, context: AppRequestContext) async throws -> DictationSession {
        guard let id = UUID(uuidString: try context.parameters.require("sessionId")) else {
            throw Problem.badRequest("The session id must be a UUID.")
        }
        let unauthorized = Problem(
            .unauthorized,
            type: "/problems/unauthorized",
            title: "Unauthorized",
            detail: "Send the session's token as Authorization: Bearer.",
            headers: [.wwwAuthenticate: "Bearer"]
        )
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw unauthorized }
        do {
            return try await sessions.find(id: id, token: String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces))
        } catch {
            throw error.kind == .storageFailed ? Problem(.serviceUnavailable, type: "/problems/storage", title: "Storage unavailable") : unauthorized
        }
    }
}

/// The body of `GET /api/v1/realtime/sessions/{id}`.
private struct SessionBody: Encodable {
    var sessionId: UUID
    var language: Language
    var examType: ExamType?
    var segments: [TranscriptSegment]
}
