package org.threelists.platform.relay;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The relay's token store: the processor's own, telling the relay whenever its segment is claimed (with the token its
 * stream resumes from) or released. A claim may follow a restart, a failed batch or another replica's work, so what
 * is on Kafka must then be read again.
 */
final class ClaimWatchingTokenStore implements TokenStore {

    private static final Logger LOG = Logger.getLogger(ClaimWatchingTokenStore.class);

    private final TokenStore delegate;
    private final Consumer<TrackingToken> onClaim;
    private final Runnable onRelease;

    ClaimWatchingTokenStore(TokenStore delegate, Consumer<TrackingToken> onClaim, Runnable onRelease) {
        this.delegate = delegate;
        this.onClaim = onClaim;
        this.onRelease = onRelease;
    }

    /** The token as stored, without telling anyone: the relay reads it inside the batch that holds the claim. */
    TrackingToken storedToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        claimed(segment, token);
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        claimed(segment.getSegmentId(), token);
        return token;
    }

    /** Which replica holds the relay, and since when, is what a late relay's timeline starts from. */
    private void claimed(int segment, TrackingToken token) {
        onClaim.accept(token);
        LOG.infof("The relay's segment %d is claimed by this replica", segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        onRelease.run();
        delegate.releaseClaim(processorName, segment);
        LOG.infof("The relay's segment %d is released by this replica", segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return delegate.retrieveStorageIdentifier();
    }
}
