package org.threelists.matchmaker.service;

import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.domain.NotFoundException;

/** The project a use case acts on, from the project list's read model. */
final class ProjectLookup {

    static final String PROJECT = "Project";

    private ProjectLookup() {
    }

    static ProjectView project(String projectId) {
        ProjectView project = ProjectView.findById(projectId);
        if (project == null) {
            throw new NotFoundException(PROJECT, projectId);
        }
        return project;
    }
}
