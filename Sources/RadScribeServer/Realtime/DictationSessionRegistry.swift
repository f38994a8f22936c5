import Foundation
import Logging
import RadScribeCore
import RadScribeSpeech
import RadScribeStorage

/// The dictation sessions this server holds in memory, found again by id and token.
///
/// A session that is not in memory (the server restarted, or it expired) is loaded from storage when its token
/// matches; its finals are there, its audio is not. Detached sessions are dropped from memory once they have been idle
/// for the audio retention time.
actor DictationSessionRegistry {
    private let speech: SpeechService
    private let transcripts: any TranscriptRepository
    private let finalizer = SegmentFinalizer()
    private let metrics: RealtimeMetrics
    private let logger: Logger
    private var sessions: [UUID: DictationSession] = [:]

    init(speech: SpeechService, transcripts: any TranscriptRepository, metrics: RealtimeMetrics, logger: Logger) {
        self.speech = speech
        self.transcripts = transcripts
        self.metrics = metrics
        self.logger = logger
    }

    /// Opens a new session; returns it with its token (which is not kept).
    func create(language: Language, examType: ExamType?) async throws(RealtimeError) -> (DictationSession, token: String) {
        sweep()
        let token = SessionToken.make()
        let now = Date()
        let record = DictationSessionRecord(
            id: UUID(),
            language: language,
            examType: examType,
            tokenHash: SessionToken.hash(token),
            createdAt: now,
            updatedAt: now
        )
        do {
            try await transcripts.createSession(record)
        } catch {
            logger.error("storing a dictation session failed", metadata: ["error": "\(type(of: error))"])
            throw RealtimeError(.storageFailed, "the session cannot be stored now")
        }
        let session = makeSession(record, segments: [])
        sessions[record.id] = session
        return (session, token)
    }

    /// The session with this id, if `token` is its token.
    func find(id: UUID, token: String) async throws(RealtimeError) -> DictationSession {
        if let session = sessions[id] {
            guard SessionToken.matches(token, storedHash: session.tokenHash) else { throw Self.notFound }
            return session
        }
        let loaded: (DictationSessionRecord, [TranscriptSegment])
        do {
            guard let record = try await transcripts.session(id: id) else { throw Self.notFound }
            guard SessionToken.matches(token, storedHash: record.tokenHash) else { throw Self.notFound }
            loaded = (record, try await transcripts.segments(sessionId: id))
        } catch let error as RealtimeError {
            throw error
        } catch {
            throw RealtimeError(.storageFailed, "the session cannot be read now")
        }
        if let session = sessions[id] {  // loaded meanwhile by another connection
            return session
        }
        let session = makeSession(loaded.0, segments: loaded.1)
        sessions[id] = session
        return session
    }

    /// Lets running sessions finish the audio they have for up to `gracePeriod`, then closes every session.
    func drain(within gracePeriod: Duration) async {
        let open = Array(sessions.values)
        sessions = [:]
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskGroup(of: Void.self) { stops in
                    for session in open {
                        stops.addTask { await session.stopRecognition(notify: false) }
                    }
                }
            }
            group.addTask { try? await Task.sleep(for: gracePeriod) }
            await group.next()
            group.cancelAll()
        }
        for session in open {
            await session.close()
        }
    }

    private func makeSession(_ record: DictationSessionRecord, segments: [TranscriptSegment]) -> DictationSession {
        DictationSession(
            record: record,
            segments: segments,
            speech: speech,
            transcripts: transcripts,
            finalizer: finalizer,
            metrics: metrics,
            logger: logger
        )
    }

    /// Drops sessions that are detached, idle and past the retention time (their finals stay stored).
    private func sweep() {
        let retention = Duration.seconds(speech.settings.audioRetentionSeconds)
        let sessions = sessions
        Task {
            for (id, session) in sessions {
                let idle = await ContinuousClock.now - session.lastActivity
                if await !session.isAttached, await !session.isRecognizing, idle > retention {
                    self.remove(id)
                }
            }
        }
    }

    private func remove(_ id: UUID) {
        sessions[id] = nil
    }

    private static let notFound = RealtimeError(.sessionNotFound, "no session with this id and token")
}
